# frozen_string_literal: true

require "rails_helper"

RSpec.describe Tax::VatCalculator do
  subject(:result) { described_class.new(country: country, vat_id: vat_id).call(10_000) }

  let(:vat_id) { nil }

  context "with a consumer in Germany" do
    let(:country) { "DE" }

    it "charges German VAT" do
      expect(result.rate).to eq(BigDecimal("19"))
      expect(result.amount_cents).to eq(1_900)
    end
  end

  context "with a business in the Netherlands" do
    let(:country) { "NL" }
    let(:vat_id) { "NL 8530.12.345.B01" }

    it "reverse-charges and ignores separators in the VAT ID" do
      expect(result.reverse_charge).to be(true)
      expect(result.amount_cents).to eq(0)
    end
  end

  context "with a business in Ireland" do
    let(:country) { "IE" }
    let(:vat_id) { "IE6388047V" }

    it "charges Irish VAT because we are established there" do
      expect(result.rate).to eq(BigDecimal("23"))
      expect(result.reverse_charge).to be(false)
    end
  end

  context "with a consumer in Finland" do
    let(:country) { "FI" }

    it "applies the 25.5 % rate from September 2024" do
      expect(result.amount_cents).to eq(2_550)
    end
  end

  context "outside the EU" do
    let(:country) { "US" }

    it "charges no VAT" do
      expect(result.amount_cents).to eq(0)
      expect(result.reverse_charge).to be(false)
    end
  end
end
