# Acme Energy contact center: the Amazon Connect instance and where it stores contact data.

resource "aws_connect_instance" "main" {
  identity_management_type  = "CONNECT_MANAGED"
  inbound_calls_enabled     = true
  outbound_calls_enabled    = true
  instance_alias            = "acme-energy-cc"
  contact_flow_logs_enabled = true
}

resource "aws_kms_key" "connect" {
  description             = "Acme Connect recordings, transcripts and media streams"
  deletion_window_in_days = 30
  enable_key_rotation     = true
}

# Compliant: call recordings encrypted with the customer-managed key.
resource "aws_connect_instance_storage_config" "call_recordings" {
  instance_id   = aws_connect_instance.main.id
  resource_type = "CALL_RECORDINGS"

  storage_config {
    s3_config {
      bucket_name   = aws_s3_bucket.recordings.id
      bucket_prefix = "CallRecordings"
      encryption_config {
        encryption_type = "KMS"
        key_id          = aws_kms_key.connect.arn
      }
    }
    storage_type = "S3"
  }
}

# Deliberate violation: chat transcripts stored without a KMS encryption_config.
resource "aws_connect_instance_storage_config" "chat_transcripts" {
  instance_id   = aws_connect_instance.main.id
  resource_type = "CHAT_TRANSCRIPTS"

  storage_config {
    s3_config {
      bucket_name   = aws_s3_bucket.recordings.id
      bucket_prefix = "ChatTranscripts"
    }
    storage_type = "S3"
  }
}

# Deliberate violation: live audio kept for a week (policy: 24 hours).
resource "aws_connect_instance_storage_config" "media_streams" {
  instance_id   = aws_connect_instance.main.id
  resource_type = "MEDIA_STREAMS"

  storage_config {
    kinesis_video_stream_config {
      prefix                 = "acme-live-audio"
      retention_period_hours = 168
      encryption_config {
        encryption_type = "KMS"
        key_id          = aws_kms_key.connect.arn
      }
    }
    storage_type = "KINESIS_VIDEO_STREAM"
  }
}

resource "aws_connect_contact_flow" "main_routing" {
  instance_id = aws_connect_instance.main.id
  name        = "Acme main routing"
  description = "Entry flow: notice, menu, payments or billing queue"
  type        = "CONTACT_FLOW"
  filename    = "${path.module}/../flows/main-routing.json"
  content_hash = filebase64sha256("${path.module}/../flows/main-routing.json")
}

resource "aws_connect_contact_flow" "payment_secure" {
  instance_id  = aws_connect_instance.main.id
  name         = "payment-secure"
  description  = "Card payment with recording suspended and encrypted input"
  type         = "CONTACT_FLOW"
  filename     = "${path.module}/../flows/payment-secure.json"
  content_hash = filebase64sha256("${path.module}/../flows/payment-secure.json")
}
