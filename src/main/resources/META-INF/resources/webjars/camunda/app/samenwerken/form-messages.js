// Camunda Forms (form-js) writes its validation messages in English, with no way to translate them;
// every form here is Dutch. Each message appears as a list item under .fjs-form-field-error: put the
// Dutch text in its place as it appears. The server checks every rule again, in Dutch (FormInput).
const DUTCH = [
  [/^Field is required\.$/, () => 'Vul dit veld in.'],
  [/^Field must have minimum length of (\d+)\.$/, (n) => `Vul minstens ${n} tekens in.`],
  [/^Field must have maximum length of (\d+)\.$/, (n) => `Gebruik hoogstens ${n} tekens.`],
  [/^Field must have minimum value of (.+)\.$/, (n) => `De waarde is minstens ${n}.`],
  [/^Field must have maximum value of (.+)\.$/, (n) => `De waarde is hoogstens ${n}.`],
  [/^Field must match pattern .*\.$/, () => 'Dit veld heeft niet de gevraagde vorm.'],
  [/^Field must be a valid email\.$/, () => 'Vul een geldig e-mailadres in.'],
  [/^Value is not a number\.$/, () => 'Vul een getal in.'],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (a, b) => `Kies een geldige waarde; de dichtstbijzijnde zijn ${a} en ${b}.`]
];

function inDutch(text) {
  for (const [english, dutch] of DUTCH) {
    const match = english.exec(text);
    if (match) {
      return dutch(...match.slice(1));
    }
  }
  return null;
}

function translate(root) {
  root.querySelectorAll('.fjs-form-field-error li').forEach((item) => {
    const dutch = inDutch(item.textContent.trim());
    if (dutch !== null && item.textContent !== dutch) {
      item.textContent = dutch;
    }
  });
}

new MutationObserver(() => translate(document)).observe(document.documentElement, {childList: true, subtree: true, characterData: true});
