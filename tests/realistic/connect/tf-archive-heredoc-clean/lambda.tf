# Lambda used by the Connect IVR to verify a caller's card before payment (tokenised).
data "archive_file" "verify_card" {
  type        = "zip"
  output_path = "${path.module}/build/verify_card.zip"

  source {
    filename = "index.js"
    content  = <<-EOT
      const { DynamoDBClient, PutItemCommand } = require("@aws-sdk/client-dynamodb");
      const db = new DynamoDBClient({});

      exports.handler = async (event) => {
        const attrs = event.Details.ContactData.Attributes;
        const token = attrs.cardToken;
        console.log("verify card token for contact", event.Details.ContactData.ContactId);
        await db.send(new PutItemCommand({ TableName: process.env.TABLE, Item: { token: { S: token } } }));
        return { verified: "true" };
      };
    EOT
  }
}

resource "aws_lambda_function" "verify_card" {
  function_name    = "acme-verify-card"
  filename         = data.archive_file.verify_card.output_path
  source_code_hash = data.archive_file.verify_card.output_base64sha256
  handler          = "index.handler"
  runtime          = "nodejs20.x"
  role             = "arn:aws:iam::111122223333:role/acme-verify-card"
}
