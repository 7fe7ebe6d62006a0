// Twilio Function: receives the payment result posted by the legacy IVR and texts a receipt.
// Deliberate violation: the whole event, including the gathered card digits, is logged.
exports.handler = async function (context, event, callback) {
  console.log('payment callback', JSON.stringify(event));

  const client = context.getTwilioClient();
  const last4 = String(event.Digits || '').slice(-4);
  await client.messages.create({
    to: event.From,
    from: context.ACME_SMS_NUMBER,
    body: `Acme Energy: payment received for the card ending ${last4}.`,
  });

  const response = new Twilio.twiml.VoiceResponse();
  response.say('Thank you, your payment has been received.');
  return callback(null, response);
};
