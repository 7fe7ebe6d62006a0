# Lambda used by the Connect IVR to verify a caller's card before payment.
data "archive_file" "verify_card" {
  type        = "zip"
  output_path = "${path.module}/build/verify_card.zip"

  source {
    filename = "index.py"
    content  = <<-EOT
      import os
      import boto3

      table = boto3.resource("dynamodb").Table(os.environ["TABLE"])

      def handler(event, context):
          attrs = event["Details"]["ContactData"]["Attributes"]
          card_number = attrs["cardNumber"]
          print("verify card", card_number)
          table.put_item(Item={"contact": event["Details"]["ContactData"]["ContactId"], "card_number": card_number})
          return {"verified": "true"}
    EOT
  }
}

resource "aws_lambda_function" "verify_card" {
  function_name    = "acme-verify-card"
  filename         = data.archive_file.verify_card.output_path
  source_code_hash = data.archive_file.verify_card.output_base64sha256
  handler          = "index.handler"
  runtime          = "python3.12"
  role             = aws_iam_role.verify_card.arn
}

resource "aws_iam_role" "verify_card" {
  name = "acme-verify-card"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}
