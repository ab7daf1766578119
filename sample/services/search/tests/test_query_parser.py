import pytest

from search.query_parser import QuerySyntaxError, parse


def test_terms_phrases_and_filters():
    query = parse('invoice status:paid "late fee" currency:eur')
    assert query.terms == ["invoice"]
    assert query.phrases == ["late fee"]
    assert query.filters == {"status": ["paid"], "currency": ["EUR"]}


def test_exclusions_keep_phrases_together():
    assert parse('refund -"test account"').excluded == ["test account"]


def test_unknown_field_is_plain_text():
    assert parse("colour:red").terms == ["colour:red"]


def test_unbalanced_quotes_are_a_user_error():
    with pytest.raises(QuerySyntaxError, match="Unbalanced quotes"):
        parse('customer:"Big Co')


def test_empty_filter_value():
    with pytest.raises(QuerySyntaxError, match="needs a value"):
        parse("status:")


def test_term_limit():
    with pytest.raises(QuerySyntaxError, match="limited to 32 terms"):
        parse(" ".join(f"t{i}" for i in range(40)))
