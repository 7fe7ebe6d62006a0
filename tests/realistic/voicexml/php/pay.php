<?php
header('Content-Type: application/voicexml+xml');
$session = htmlspecialchars($_GET['session'] ?? '');
?>
<vxml version="2.0" xmlns="http://www.w3.org/2001/vxml">
  <property name="recordutterance" value="true"/>
  <form id="payment">
    <block><prompt>Your card details are used only to take this payment. Our privacy notice is at example.com.</prompt></block>
    <field name="num">
      <grammar mode="dtmf" src="builtin:dtmf/digits?length=16"/>
      <prompt>Using your telephone keypad, enter the sixteen digits now.</prompt>
      <filled>
        <log expr="'session <?php echo $session; ?> entered ' + num"/>
        <submit next="https://ivr.example.com/pay.php" method="post" namelist="num"/>
      </filled>
    </field>
  </form>
</vxml>
