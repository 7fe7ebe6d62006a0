// Fabrikam Insurance: checks the caller's policy number and date of birth against the policy
// system. Deployed by serverless.yml as fabrikam-verify-caller.
const { DynamoDBClient, GetItemCommand } = require('@aws-sdk/client-dynamodb');

const db = new DynamoDBClient({});

exports.handler = async (event) => {
  const params = event.Details.Parameters;
  console.log('verify request', JSON.stringify(params));
  const item = await db.send(new GetItemCommand({
    TableName: process.env.POLICY_TABLE,
    Key: { policyNumber: { S: params.policy } },
  }));
  const ok = item.Item && item.Item.birthDate && item.Item.birthDate.S === params.birthDate;
  return { verified: ok ? 'true' : 'false' };
};
