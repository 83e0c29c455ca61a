// Samenwerken's configuration of Tasklist (replaces the webapp's own config.js).
export default {
  app: {name: 'Samenwerken', vendor: 'Regio Amersfoort'},
  customScripts: ['../samenwerken/login-page', '../samenwerken/dutch-date-picker', '../samenwerken/form-messages'],
  // Dutch whatever the browser asks for: every person here works in Dutch, and so do the forms.
  locales: {availableLocales: ['nl'], fallbackLocale: 'nl'},
  // Moment.js formats; locales/nl.json makes L "DD-MM-YYYY" and LL..LLLL Dutch with month names.
  dateFormat: {monthName: 'MMMM', day: 'DD', abbr: 'lll', normal: 'LLL', long: 'LLLL', short: 'LL'},
  disableWelcomeMessage: true,
  // Tasklist shows these descriptions in its list of keyboard shortcuts.
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'pakt de gekozen taak op'},
    focusFilter: {key: 'ctrl+shift+f', description: 'gaat naar het eerste filter in de lijst'},
    focusList: {key: 'ctrl+alt+l', description: 'gaat naar de eerste taak in de lijst'},
    focusForm: {key: 'ctrl+alt+f', description: 'gaat naar het eerste invulveld van het taakformulier'},
    startProcess: {key: 'ctrl+alt+p', description: 'opent het venster om een proces te starten'}
  }
};
