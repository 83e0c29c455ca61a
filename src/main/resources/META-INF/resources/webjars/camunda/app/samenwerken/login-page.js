// Samenwerken has one login page for the webapps and its own pages. The webapps would show their
// own login form after a logout or an expired session; send the person to the shared page instead.
const loginPage = window.location.pathname.split('/camunda/app/')[0] + '/login?afgemeld';

function leaveWebappLoginForm() {
  if (/^#!?\/login/.test(window.location.hash)) {
    window.location.replace(loginPage);
  }
}

window.addEventListener('hashchange', leaveWebappLoginForm);
leaveWebappLoginForm();
