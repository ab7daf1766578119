# frozen_string_literal: true

# A customer's subscription to one plan. Billing periods are anchored on the day the
# subscription started, so a customer who signed up on the 31st renews on the last day
# of shorter months instead of drifting to the 28th for good.
class Subscription < ApplicationRecord
  belongs_to :account
  belongs_to :plan
  has_many :addons, class_name: "SubscriptionAddon", dependent: :destroy
  has_many :invoices, dependent: :restrict_with_exception

  enum :status, {
    trialing: "trialing",
    active: "active",
    past_due: "past_due",
    canceled: "canceled"
  }, validate: true

  validates :current_period_start, :current_period_end, presence: true
  validate :period_end_after_start

  scope :due_for_renewal, ->(at = Time.current) { active.where(current_period_end: ..at) }
  scope :in_dunning, -> { past_due.where.not(last_payment_error: nil) }

  def renew!(at: Time.current)
    next_start = current_period_end
    update!(
      current_period_start: next_start,
      current_period_end: next_period_end(next_start),
      renewed_at: at
    )
  end

  def cancel!(at_period_end: true)
    if at_period_end
      update!(cancel_at_period_end: true)
    else
      update!(status: :canceled, canceled_at: Time.current)
    end
  end

  # Fraction of the current period still unused at `at`, for mid-period plan changes.
  def unused_fraction(at = Time.current)
    total = current_period_end - current_period_start
    return 0.0 if total <= 0

    ((current_period_end - at) / total).clamp(0.0, 1.0)
  end

  def mark_past_due!(reason)
    update!(status: :past_due, last_payment_error: reason.to_s.truncate(500))
  end

  private

  def next_period_end(from)
    anchor_day = created_at.day
    candidate = from.advance(months: plan.interval_months)
    candidate.change(day: [anchor_day, candidate.end_of_month.day].min)
  end

  def period_end_after_start
    return if current_period_start.blank? || current_period_end.blank?
    return if current_period_end > current_period_start

    errors.add(:current_period_end, "must be after the period start")
  end
end
