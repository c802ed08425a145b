/** How rendered Markdown looks (the factory's preview and the dealer's page alike). */
export const MARKDOWN_CLASSES = [
  'min-w-0 break-words text-slate-800 leading-relaxed',
  '[&_p]:my-3 [&_h1]:mt-5 [&_h1]:mb-2 [&_h1]:text-xl [&_h1]:font-semibold [&_h2]:mt-4 [&_h2]:mb-2 [&_h2]:text-lg [&_h2]:font-semibold',
  '[&_h3]:mt-3 [&_h3]:mb-1 [&_h3]:font-semibold [&_h4]:font-semibold [&_a]:text-brand-700 [&_a]:underline',
  '[&_ul]:my-3 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-3 [&_ol]:list-decimal [&_ol]:pl-6 [&_li]:my-1',
  '[&_blockquote]:my-3 [&_blockquote]:border-l-4 [&_blockquote]:border-slate-300 [&_blockquote]:pl-3 [&_blockquote]:text-slate-700',
  '[&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_pre]:my-3 [&_pre]:overflow-x-auto [&_pre]:rounded-lg [&_pre]:bg-slate-100 [&_pre]:p-3',
  '[&_img]:my-3 [&_img]:h-auto [&_img]:max-w-full [&_img]:rounded-lg [&_hr]:my-4 [&_hr]:border-slate-200',
  '[&_table]:my-3 [&_table]:block [&_table]:max-w-full [&_table]:overflow-x-auto [&_table]:text-sm [&_th]:border [&_th]:border-slate-200 [&_th]:bg-slate-50 [&_th]:px-2 [&_th]:py-1 [&_td]:border [&_td]:border-slate-200 [&_td]:px-2 [&_td]:py-1',
].join(' ');

/**
 * HTML from renderMarkdown() (lib/markdown/render.ts), which sanitizes it; nothing else may be
 * passed here.
 */
export function MarkdownBody({ html, testId }: { html: string; testId?: string }) {
  return <div className={MARKDOWN_CLASSES} data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} />;
}
