terraform {
  required_providers {
    genesyscloud = {
      source  = "mypurecloud/genesyscloud"
      version = "~> 1.40"
    }
  }
}

resource "genesyscloud_routing_queue" "payments" {
  name                     = "Payments"
  description              = "Card payments queue"
  acw_wrapup_prompt        = "MANDATORY_TIMEOUT"
  acw_timeout_ms           = 300000
  skill_evaluation_method  = "BEST"
  enable_transcription     = true
  enable_manual_assignment = false

  media_settings_call {
    alerting_timeout_sec      = 30
    service_level_percentage  = 0.8
    service_level_duration_ms = 20000
  }

  members {
    user_id  = genesyscloud_user.agent_one.id
    ring_num = 1
  }
  members {
    user_id  = genesyscloud_user.agent_two.id
    ring_num = 2
  }

  wrapup_codes = [genesyscloud_routing_wrapupcode.paid.id]
}

module "ivr" {
  source  = "./modules/ivr"
  queue   = genesyscloud_routing_queue.payments.id
}
