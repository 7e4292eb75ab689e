import { useTranslation } from 'react-i18next';
import { Dialog } from '#client/components/Dialog';

const KEYS: Array<[string, string]> = [
  ['j', 'help.next'],
  ['k', 'help.prev'],
  ['r', 'help.reply'],
  ['n', 'help.note'],
  ['e', 'help.resolve'],
  ['a', 'help.take'],
  ['/', 'help.search'],
  ['i', 'help.customer'],
  ['Ctrl K', 'help.palette'],
  ['Enter', 'help.send'],
  ['Shift Enter', 'help.newline'],
  ['Esc', 'help.escape'],
  ['?', 'help.help'],
];

/** The list of keyboard shortcuts. */
export default function ShortcutHelp({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('help.title')} onClose={onClose} className="help-dialog">
      <table className="keys">
        <tbody>
          {KEYS.map(([k, label]) => (
            <tr key={k}>
              <th scope="row">
                {k.split(' ').map((part) => (
                  <kbd key={part}>{part}</kbd>
                ))}
              </th>
              <td>{t(label)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-actions">
        <button type="button" onClick={onClose} autoFocus>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}
