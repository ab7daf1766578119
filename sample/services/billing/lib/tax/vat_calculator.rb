# frozen_string_literal: true

require "bigdecimal"

module Tax
  # EU VAT on our invoices. A business with a valid VAT ID in another member state is
  # reverse-charged (0 %, the customer accounts for the VAT); everyone else in the EU pays
  # the rate of their own country under the OSS rules for digital services.
  class VatCalculator
    Result = Struct.new(:rate, :amount_cents, :reverse_charge, keyword_init: true) do
      def to_h
        { rate: rate.to_s("F"), amount_cents: amount_cents, reverse_charge: reverse_charge }
      end
    end

    HOME_COUNTRY = "IE"

    STANDARD_RATES = {
      "AT" => "20", "BE" => "21", "DE" => "19", "DK" => "25", "ES" => "21",
      "FI" => "25.5", "FR" => "20", "IE" => "23", "IT" => "22", "NL" => "21",
      "PL" => "23", "PT" => "23", "SE" => "25"
    }.transform_values { |rate| BigDecimal(rate) }.freeze

    def initialize(country:, vat_id: nil)
      @country = country.to_s.strip.upcase
      @vat_id = normalize(vat_id)
    end

    def call(net_cents)
      return Result.new(rate: BigDecimal("0"), amount_cents: 0, reverse_charge: true) if reverse_charge?
      return Result.new(rate: BigDecimal("0"), amount_cents: 0, reverse_charge: false) unless eu?

      rate = STANDARD_RATES.fetch(@country)
      amount = (BigDecimal(net_cents) * rate / 100).round(0, BigDecimal::ROUND_HALF_UP).to_i
      Result.new(rate: rate, amount_cents: amount, reverse_charge: false)
    end

    def reverse_charge?
      eu? && @country != HOME_COUNTRY && valid_vat_id?
    end

    private

    def eu?
      STANDARD_RATES.key?(@country)
    end

    # Format check only: VIES is asked once, when the customer saves the ID, not per invoice.
    def valid_vat_id?
      return false if @vat_id.nil?

      @vat_id.start_with?(@country) && @vat_id.length.between?(8, 14)
    end

    def normalize(vat_id)
      return nil if vat_id.nil?

      vat_id.gsub(/[\s.-]/, "").upcase
    end
  end
end
