locals {
  n      = -5
  s      = "arn:${var.region}:x\n\u00e9"
  list   = [1, 2.5, true, null]
  cond   = var.a ? "x" : "y"
  for    = [for k, v in var.m : upper(v) if v != ""]
  doc    = <<-EOT
    heredoc ${var.x}
  EOT
}
resource "aws_connect_contact_flow" "f" {
  content = jsonencode({ Version = "2019-10-30", StartAction = "a", Actions = [] })
  dynamic "tag" {
    for_each = var.tags
    content { key = tag.key }
  }
}
