// Samenwerken's configuration of this Camunda webapp (replaces the webapp's own config.js).
export default {
  app: {name: 'Samenwerken', vendor: 'Regio Amersfoort'},
  customScripts: ['../samenwerken/login-page', '../samenwerken/dutch-date-picker'],
  // Dutch first: a browser that asks for Dutch, or for a language we do not offer, gets locales/nl.json.
  locales: {availableLocales: ['nl', 'en'], fallbackLocale: 'nl'},
  disableWelcomeMessage: true
};
