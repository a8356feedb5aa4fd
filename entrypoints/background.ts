import { defineBackground } from 'wxt/utils/define-background';
import dataset from 'virtual:dataset';

export default defineBackground(() => {
  console.log('dataset', dataset.qa.length);
});
