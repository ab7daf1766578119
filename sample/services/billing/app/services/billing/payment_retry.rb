# frozen_string_literal: true

module Billing
  # Smart retries for failed renewals ("dunning"). A soft decline is retried on a fixed
  # schedule; hard declines stop at once, because retrying them only hurts our standing
  # with the card networks.
  class PaymentRetry
    SCHEDULE = [1.day, 3.days, 5.days, 7.days].freeze
    HARD_DECLINES = %w[stolen_card lost_card fraudulent pickup_card].freeze

    Outcome = Struct.new(:status, :next_attempt_at, :error, keyword_init: true)

    def initialize(invoice, gateway: Stripe::PaymentIntent, clock: Time)
      @invoice = invoice
      @gateway = gateway
      @clock = clock
    end

    def call
      return Outcome.new(status: :skipped) if @invoice.paid?

      charge!
      @invoice.update!(paid_at: @clock.current, attempt_count: attempts + 1)
      Outcome.new(status: :paid)
    rescue Stripe::CardError => e
      handle_decline(e)
    end

    private

    def charge!
      @gateway.create(
        {
          amount: @invoice.total_cents,
          currency: @invoice.currency,
          customer: @invoice.account.stripe_customer_id,
          payment_method: @invoice.account.default_payment_method_id,
          off_session: true,
          confirm: true
        },
        { idempotency_key: "invoice-#{@invoice.id}-attempt-#{attempts + 1}" }
      )
    end

    def handle_decline(error)
      @invoice.update!(attempt_count: attempts + 1, last_error: error.code)
      if HARD_DECLINES.include?(error.decline_code) || attempts >= SCHEDULE.size
        @invoice.subscription.mark_past_due!(error.message)
        return Outcome.new(status: :failed, error: error.message)
      end

      Outcome.new(status: :retrying, next_attempt_at: next_attempt_at, error: error.message)
    end

    def next_attempt_at
      @clock.current + SCHEDULE.fetch(attempts - 1)
    end

    def attempts
      @invoice.attempt_count.to_i
    end
  end
end
