# frozen_string_literal: true

# Runs hourly from sidekiq-cron and retries every open invoice whose next attempt is due.
class DunningJob
  include Sidekiq::Job
  sidekiq_options queue: :billing, retry: 3

  BATCH_SIZE = 200

  def perform
    Invoice.open.where(next_attempt_at: ..Time.current).find_each(batch_size: BATCH_SIZE) do |invoice|
      outcome = Billing::PaymentRetry.new(invoice).call
      record(invoice, outcome)
    end
  end

  private

  def record(invoice, outcome)
    invoice.update!(next_attempt_at: outcome.next_attempt_at)
    BillingMailer.payment_failed(invoice).deliver_later if outcome.status == :failed
    Rails.logger.info(
      event: "dunning.attempt",
      invoice_id: invoice.id,
      status: outcome.status,
      error: outcome.error
    )
  end
end
