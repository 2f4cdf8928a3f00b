-- When a job began posting an alert. A job that finds it set is a retry after an attempt that may
-- have reached Slack before its ts was recorded (a crash, a timeout), and only such a job searches
-- the channel's history for the alert before posting: conversations.history is rate-limited hard
-- (for apps outside the Slack Marketplace, about one call a minute), so every first post skips it.
ALTER TABLE slack_alerts ADD COLUMN post_started_at timestamptz;
