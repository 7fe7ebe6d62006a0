<%@ page contentType="text/xml" %>
<?xml version="1.0"?>
<vxml version="2.1">
  <c:if test="${caller.vip}"><form id="vip"><block><prompt>{{greeting}}</prompt></block></form></c:if>
  <?php echo $menu; ?>
  <#list items as i><field name="f${i}"/></#list>
  <@macro a="1"/>
  <form id="main"><field name="acct" type="digits"><prompt>#{bean.prompt}</prompt></field></form>
</vxml>
