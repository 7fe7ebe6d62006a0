<%@ page contentType="application/voicexml+xml; charset=UTF-8" %>
<%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core" %>
<?xml version="1.0" encoding="UTF-8"?>
<vxml version="2.1" xmlns="http://www.w3.org/2001/vxml" xml:lang="en-US">
  <var name="accountRef" expr="'${account.reference}'"/>
  <form id="collect">
    <block><prompt>Your card details are used only to take this payment. Our privacy notice is at example.com.</prompt></block>
    <field name="entry">
      <grammar mode="dtmf" version="1.0" root="digits" xmlns="http://www.w3.org/2001/06/grammar">
        <rule id="digits" scope="public">
          <item repeat="15-16">
            <ruleref uri="#digit"/>
          </item>
        </rule>
        <rule id="digit">
          <one-of>
            <item>0</item><item>1</item><item>2</item><item>3</item><item>4</item>
            <item>5</item><item>6</item><item>7</item><item>8</item><item>9</item>
          </one-of>
        </rule>
      </grammar>
      <prompt>
        <audio src="${pageContext.request.contextPath}/prompts/enter_number_on_front.wav">
          Please key in the long number on the front of the card, then press pound.
        </audio>
      </prompt>
      <filled>
        <submit next="https://ivr.example.com/pay/authorize.jsp" method="get" namelist="entry accountRef"/>
      </filled>
    </field>
  </form>
</vxml>
