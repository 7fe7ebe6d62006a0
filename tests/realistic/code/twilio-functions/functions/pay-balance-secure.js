// Twilio Function /pay-balance-secure: the Studio flow uses a Pay (capture-payments) widget, so
// this function only receives the processor's token and the account reference.
const axios = require('axios');

exports.handler = async function (context, event, callback) {
  console.log('pay-balance-secure called', { account: event.account, hasToken: Boolean(event.PaymentToken) });
  try {
    const res = await axios.post(context.PROCESSOR_URL, { token: event.PaymentToken, account: event.account });
    return callback(null, { status: res.data.status });
  } catch (err) {
    console.error('processor error', err.message);
    return callback(null, { status: 'error' });
  }
};
