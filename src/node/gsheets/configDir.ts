/** Where Shipsheet keeps a person's settings and cached sign-in: the platform's user config directory. */
import os from 'node:os';
import path from 'node:path';

export function userConfigDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.SHIPSHEET_CONFIG_DIR) return path.resolve(env.SHIPSHEET_CONFIG_DIR);
  const home = env.HOME ?? os.homedir();
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'shipsheet');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'shipsheet');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'shipsheet');
}
