import { render } from 'preact';
import '../../src/ui/styles/tokens.css';
import '../../src/ui/search/search.css';
import '../../src/ui/signal/signal.css';
import '../../src/ui/sidepanel/sidepanel.css';
import { SidePanelApp } from '../../src/ui/sidepanel/SidePanelApp';

document.documentElement.lang = navigator.language;
render(<SidePanelApp />, document.getElementById('app')!);
