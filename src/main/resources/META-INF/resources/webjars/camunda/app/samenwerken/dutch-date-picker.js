// The webapps' date picker (AngularJS UI Bootstrap) takes month and day names from AngularJS's own
// locale, which the webapps ship in English only; all other dates get Dutch from locales/nl.json.
// Give the picker the same Dutch names and a week that starts on Monday. The webapps load custom
// scripts before they start AngularJS, so a run block on the core module is in time. The webapps are
// Dutch whatever the browser asks for (config.js), and so is the picker.
if (window.angular) {
  window.angular.module('ng').run(['$locale', function ($locale) {
    Object.assign($locale.DATETIME_FORMATS, {
      MONTH: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober',
        'november', 'december'],
      SHORTMONTH: ['jan.', 'feb.', 'mrt.', 'apr.', 'mei', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'],
      DAY: ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'],
      SHORTDAY: ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'],
      // AngularJS counts from Monday = 0.
      FIRSTDAYOFWEEK: 0
    });
  }]);
}
