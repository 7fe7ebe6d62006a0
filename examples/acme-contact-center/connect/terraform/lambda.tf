resource "aws_iam_role" "payment_handler" {
  name               = "acme-payment-handler"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
}

data "aws_iam_policy_document" "lambda_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

# Deliberate violation: the payment function may call every Connect API.
data "aws_iam_policy_document" "payment_handler" {
  statement {
    sid       = "ConnectAccess"
    actions   = ["connect:*"]
    resources = ["*"]
  }
  statement {
    sid       = "Logs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["arn:aws:logs:eu-west-1:240418830975:log-group:/aws/lambda/acme-payment-handler:*"]
  }
}

resource "aws_iam_role_policy" "payment_handler" {
  name   = "acme-payment-handler"
  role   = aws_iam_role.payment_handler.id
  policy = data.aws_iam_policy_document.payment_handler.json
}

resource "aws_lambda_function" "payment_handler" {
  function_name = "acme-payment-handler"
  role          = aws_iam_role.payment_handler.arn
  runtime       = "python3.12"
  handler       = "payment_handler.handler"
  filename      = "${path.module}/../../lambda/payment_handler.zip"
  timeout       = 8
}

resource "aws_cloudwatch_log_group" "payment_handler" {
  name              = "/aws/lambda/acme-payment-handler"
  retention_in_days = 400
}
