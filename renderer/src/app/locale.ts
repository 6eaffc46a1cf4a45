import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { type Locale } from 'antd/es/locale';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { type AppLanguage } from '../i18n';

const ANTD_LOCALES: Record<AppLanguage, Locale> = { 'zh-CN': zhCN, en: enUS };
const DAYJS_LOCALES: Record<AppLanguage, string> = { 'zh-CN': 'zh-cn', en: 'en' };

/** Ant Design's locale for the interface language. */
export function antdLocale(lng: AppLanguage): Locale {
  return ANTD_LOCALES[lng];
}

/** Makes dayjs (date pickers, weekday names) follow the interface language. */
export function applyDayjsLocale(lng: AppLanguage): void {
  dayjs.locale(DAYJS_LOCALES[lng]);
}
