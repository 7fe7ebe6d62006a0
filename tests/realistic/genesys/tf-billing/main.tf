terraform {
  required_providers {
    genesyscloud = {
      source  = "mypurecloud/genesyscloud"
      version = "~> 1.40"
    }
  }
}

resource "genesyscloud_routing_queue" "billing" {
  name                    = "Billing"
  description             = "Billing enquiries and card payments"
  acw_wrapup_prompt       = "MANDATORY_TIMEOUT"
  acw_timeout_ms          = 300000
  skill_evaluation_method = "BEST"
  enable_transcription    = true
  enable_audio_monitoring = true
  auto_answer_only        = true
}

resource "genesyscloud_user" "billing_supervisor" {
  email    = "billing.supervisor@acme.example"
  name     = "Billing Supervisor"
  password = "Acme-Billing-2024"
  state    = "active"
}

resource "genesyscloud_flow_loglevel" "billing_ivr" {
  flow_id        = genesyscloud_flow.billing_ivr.id
  flow_log_level = "All"
}

resource "genesyscloud_flow" "billing_ivr" {
  filepath          = "${path.module}/flows/billing-ivr.yaml"
  file_content_hash = filesha256("${path.module}/flows/billing-ivr.yaml")
}
