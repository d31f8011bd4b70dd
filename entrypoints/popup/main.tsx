import { render } from 'preact';
import '@/src/ui/styles/theme.css';
import '@/src/ui/styles/components.css';
import '@/src/ui/styles/forms.css';
import '@/src/ui/styles/popup.css';
import '@/src/ui/styles/sites.css';
import '@/src/ui/styles/activity.css';
import { App } from '@/src/ui/popup/app';
import { startEarly } from '@/src/ui/shared/early-calls';

// Asked while the popup draws itself, not after its first paint.
startEarly('wallet_getState', 'wallet_listGrants');
render(<App />, document.getElementById('app')!);
