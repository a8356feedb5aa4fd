import { defineContentScript } from 'wxt/utils/define-content-script';
import terms from 'virtual:glossary-terms';
import { TermMatcher } from '../src/glossary/matcher';

export default defineContentScript({
  matches: ['https://github.com/*'],
  main() {
    const matcher = new TermMatcher(terms);
    console.log(matcher.findAll(document.body.innerText).length);
  },
});
