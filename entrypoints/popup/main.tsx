import { render } from 'preact';
import dataset from 'virtual:dataset';

render(<p>{dataset.qa.length}</p>, document.getElementById('app')!);
