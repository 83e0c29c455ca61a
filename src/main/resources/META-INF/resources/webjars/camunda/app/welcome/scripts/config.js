// Samenwerken's configuration of this Camunda webapp (replaces the webapp's own config.js).
export default {
  app: {name: 'Samenwerken', vendor: 'Regio Amersfoort'},
  customScripts: ['../samenwerken/login-page'],
  // Dutch whatever the browser asks for: every person here works in Dutch, and so do the forms.
  locales: {availableLocales: ['nl'], fallbackLocale: 'nl'},
  disableWelcomeMessage: true
};
