resource "genesyscloud_routing_queue" "billing" {
  name                    = "Billing"
  description             = "Billing enquiries and card payments"
  acw_wrapup_prompt       = "MANDATORY_TIMEOUT"
  skill_evaluation_method = "BEST"
  enable_transcription    = true
}

resource "genesyscloud_recording_media_retention_policy" "billing" {
  name    = "Billing calls: 90 days"
  enabled = true
  media_policies {
    call_policy {
      actions {
        retain_recording = true
        delete_retention {
          retain_for {
            days = 90
          }
        }
      }
      conditions {
        for_queue_ids = [genesyscloud_routing_queue.billing.id]
      }
    }
  }
}

resource "genesyscloud_user" "billing_supervisor" {
  email    = "billing.supervisor@acme.example"
  name     = "Billing Supervisor"
  password = var.billing_supervisor_password
  state    = "active"
}

resource "genesyscloud_flow_loglevel" "billing_ivr" {
  flow_id        = genesyscloud_flow.billing_ivr.id
  flow_log_level = "Base"
}
