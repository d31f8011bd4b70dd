import { render } from 'preact';
render(<p>atSign Wallet</p>, document.getElementById('app')!);
