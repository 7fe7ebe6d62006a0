// Twilio Function /pay-balance, called by the "pay by phone" Studio flow (run-function) with the
// digits the caller keyed in. Forwards them to the payment processor.
const axios = require('axios');

exports.handler = async function (context, event, callback) {
  console.log(`pay-balance called for ${event.account}: ${JSON.stringify(event)}`);
  try {
    const res = await axios.post(context.PROCESSOR_URL, { card: event.card, exp: event.exp, account: event.account });
    return callback(null, { status: res.data.status });
  } catch (err) {
    console.error('processor error', err.message);
    return callback(null, { status: 'error' });
  }
};
