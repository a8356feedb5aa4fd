import './style.css';
import { startPopup } from '../../src/ui/popup/start';

startPopup(document.getElementById('app')!, new URLSearchParams(location.search));
