// Samenwerken's configuration of this Camunda webapp (replaces the webapp's own config.js).
export default {
  app: {name: 'Samenwerken', vendor: 'Regio Amersfoort'},
  customScripts: ['../samenwerken/login-page'],
  disableWelcomeMessage: true
};
