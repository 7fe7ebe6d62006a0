resource "twilio_studio_flows_v2" "payments_ivr" {
  friendly_name  = "Payments IVR"
  status         = "published"
  commit_message = "Collect the card number with Pay"
  definition     = <<-EOF
    {
      "description": "Payments IVR",
      "states": [
        {"name": "Trigger", "type": "trigger", "properties": {},
         "transitions": [{"event": "incomingCall", "next": "pay"}]},
        {"name": "pay", "type": "capture-payments", "transitions": [],
         "properties": {"payment_connector": "Default", "security_code": true}}
      ],
      "initial_state": "Trigger",
      "flags": {"allow_concurrent_calls": true}
    }
  EOF
}
