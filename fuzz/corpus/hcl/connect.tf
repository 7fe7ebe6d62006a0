# Amazon Connect instance for the payments contact center (made-up example).
provider "aws" {
  region = "eu-west-1"
}

resource "aws_connect_instance" "main" {
  identity_management_type  = "CONNECT_MANAGED"
  inbound_calls_enabled     = true
  instance_alias            = "acme-payments-${var.environment}"
  outbound_calls_enabled    = true
  contact_flow_logs_enabled = false
  contact_lens_enabled      = true
  tags = {
    "cost-center" = "payments"
    Environment   = var.environment
  }
}

resource "aws_connect_instance_storage_config" "recordings" {
  instance_id   = aws_connect_instance.main.id
  resource_type = "CALL_RECORDINGS"

  storage_config {
    s3_config {
      bucket_name   = aws_s3_bucket.recordings.id
      bucket_prefix = "recordings"

      encryption_config {
        encryption_type = "KMS"
        key_id          = aws_kms_key.connect.arn
      }
    }
    storage_type = "S3"
  }
}

resource "aws_connect_instance_storage_config" "media" {
  instance_id   = aws_connect_instance.main.id
  resource_type = "MEDIA_STREAMS"

  storage_config {
    kinesis_video_stream_config {
      prefix                 = "media"
      retention_period_hours = 48
      encryption_config {
        encryption_type = "KMS"
        key_id          = aws_kms_key.connect.arn
      }
    }
    storage_type = "KINESIS_VIDEO_STREAM"
  }
}

resource "aws_connect_contact_flow" "payment" {
  instance_id = aws_connect_instance.main.id
  name        = "Card payment"
  type        = "CONTACT_FLOW"
  content = jsonencode({
    Version     = "2019-10-30"
    StartAction = "c0a8e1f2-0000-4000-8000-000000000001"
    Actions = [
      {
        Identifier = "c0a8e1f2-0000-4000-8000-000000000001"
        Type       = "GetParticipantInput"
        Parameters = {
          Text                  = "Please enter your card number, followed by the pound key."
          StoreInput            = "True"
          InputTimeLimitSeconds = "10"
        }
        Transitions = { NextAction = "c0a8e1f2-0000-4000-8000-000000000002", Errors = [], Conditions = [] }
      },
      {
        Identifier  = "c0a8e1f2-0000-4000-8000-000000000002"
        Type        = "DisconnectParticipant"
        Parameters  = {}
        Transitions = {}
      }
    ]
  })
}

variable "environment" {
  type    = string
  default = "prod"

  validation {
    condition     = contains(["dev", "prod"], var.environment)
    error_message = "Unknown environment."
  }
}

locals {
  retention_days = var.environment == "prod" ? 365 : 30
  queue_names    = [for q in var.queues : upper(q)]
  offset         = -5
}

output "instance_arn" {
  value     = aws_connect_instance.main.arn
  sensitive = false
}
