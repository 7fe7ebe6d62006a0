<%@ page contentType="application/voicexml+xml; charset=UTF-8" %>
<%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core" %>
<?xml version="1.0" encoding="UTF-8"?>
<vxml version="2.1" xmlns="http://www.w3.org/2001/vxml"
      xml:lang="en-US">
  <var name="session_id" expr="'${sessionScope.callId}'"/>
  <form id="collect_card">
    <c:if test="${customer.vip}">
      <block><prompt>Welcome back, {{customer.firstName}}.</prompt></block>
    </c:if>
    <field name="card_number" type="digits?minlength=15;maxlength=16">
      <prompt>Please enter your card number, followed by the pound key.</prompt>
      <property name="inputmodes" value="dtmf"/>
    </field>
    <block>
      <log expr="'card=' + card_number"/>
      <submit next="<%= request.getContextPath() %>/pay" namelist="card_number" method="post"/>
    </block>
  </form>
</vxml>
