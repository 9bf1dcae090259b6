/** 通知公告: templates, issuing, the print log. Filled in by the notices work of issue 8. */
export function NoticesScreen(_props: { estateId: number }) {
  return null;
}
