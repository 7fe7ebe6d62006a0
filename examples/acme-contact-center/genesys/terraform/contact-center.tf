terraform {
  required_providers {
    genesyscloud = {
      source  = "mypurecloud/genesyscloud"
      version = "~> 1.50"
    }
  }
}

provider "genesyscloud" {
  oauthclient_id     = var.genesys_client_id
  oauthclient_secret = var.genesys_client_secret
  aws_region         = "eu-west-1"
}

variable "genesys_client_id" {
  type = string
}

variable "genesys_client_secret" {
  type      = string
  sensitive = true
}

# Deliberate violation: calls are transcribed but no media retention policy is declared.
resource "genesyscloud_routing_queue" "billing" {
  name                             = "Billing"
  description                      = "Billing questions and card payments"
  acw_wrapup_prompt                = "MANDATORY_TIMEOUT"
  acw_timeout_ms                   = 300000
  skill_evaluation_method          = "ALL"
  enable_transcription             = true
  enable_audio_monitoring          = true
  suppress_in_queue_call_recording = true
}

resource "genesyscloud_flow" "billing_inbound" {
  filepath = "${path.module}/../flows/billing-inbound.yaml"
  file_content_hash = filesha256("${path.module}/../flows/billing-inbound.yaml")
  substitutions = {
    queue_name = genesyscloud_routing_queue.billing.name
  }
}

# Deliberate violation: execution history of the billing flow records variable values.
resource "genesyscloud_flow_loglevel" "billing_inbound" {
  flow_id        = genesyscloud_flow.billing_inbound.id
  flow_log_level = "All"
}
