# frozen_string_literal: true

require "bigdecimal"

module Billing
  # Builds the invoice for one billing period of a subscription. Amounts stay in integer
  # cents end to end: the 2023 float rounding incident cost us a cent on every EUR invoice.
  class Invoice
    Line = Struct.new(:description, :quantity, :unit_amount_cents, keyword_init: true) do
      def amount_cents
        quantity * unit_amount_cents
      end
    end

    attr_reader :subscription, :lines, :issued_at

    def self.for_period(subscription, issued_at: Time.current)
      new(subscription, issued_at: issued_at).tap do |invoice|
        invoice.add_line(subscription.plan.name, 1, subscription.plan.price_cents)
        subscription.addons.each do |addon|
          invoice.add_line(addon.name, addon.quantity, addon.price_cents)
        end
      end
    end

    def initialize(subscription, issued_at: Time.current)
      @subscription = subscription
      @issued_at = issued_at
      @lines = []
    end

    def add_line(description, quantity, unit_amount_cents)
      raise ArgumentError, "quantity must be positive" unless quantity.positive?

      @lines << Line.new(description: description, quantity: quantity, unit_amount_cents: unit_amount_cents)
      self
    end

    # Credit for the unused part of the old plan when a customer upgrades mid-period.
    def add_proration_credit(old_plan, at: issued_at)
      fraction = BigDecimal(subscription.unused_fraction(at).to_s)
      credit = (BigDecimal(old_plan.price_cents) * fraction).round(0, BigDecimal::ROUND_HALF_EVEN).to_i
      add_line("Unused time on #{old_plan.name}", 1, -credit) if credit.positive?
    end

    def subtotal_cents
      lines.sum(&:amount_cents)
    end

    def tax
      @tax ||= Tax::VatCalculator.new(
        country: subscription.account.billing_country,
        vat_id: subscription.account.vat_id
      ).call(subtotal_cents)
    end

    def total_cents
      subtotal_cents + tax.amount_cents
    end

    def to_h
      {
        number: number,
        currency: subscription.plan.currency,
        lines: lines.map(&:to_h),
        subtotal_cents: subtotal_cents,
        tax: tax.to_h,
        total_cents: total_cents
      }
    end

    private

    def number
      "INV-#{issued_at.strftime('%Y%m')}-#{subscription.id.to_s.rjust(6, '0')}"
    end
  end
end
