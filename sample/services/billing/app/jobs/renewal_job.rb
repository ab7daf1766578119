# frozen_string_literal: true

# Nightly: renews every subscription whose period has ended and issues its invoice. Each
# subscription is its own transaction, so one bad record does not stop the whole run.
class RenewalJob
  include Sidekiq::Job
  sidekiq_options queue: :billing, retry: 0

  def perform(at = Time.current.iso8601)
    renewed_at = Time.zone.parse(at)
    Subscription.due_for_renewal(renewed_at).find_each do |subscription|
      renew(subscription, renewed_at)
    rescue StandardError => e
      Rails.error.report(e, context: { subscription_id: subscription.id })
    end
  end

  private

  def renew(subscription, renewed_at)
    Subscription.transaction do
      subscription.renew!(at: renewed_at)
      invoice = Billing::Invoice.for_period(subscription, issued_at: renewed_at)
      ::Invoice.create!(
        subscription: subscription,
        account: subscription.account,
        currency: subscription.plan.currency,
        total_cents: invoice.total_cents,
        payload: invoice.to_h,
        next_attempt_at: renewed_at
      )
    end
  end
end
