import { Flex, Typography } from 'antd';
import { type ReactNode } from 'react';

export interface PageProps {
  title: ReactNode;
  description?: ReactNode;
  /** Actions at the right of the title (buttons). */
  extra?: ReactNode;
  children?: ReactNode;
}

/** The common frame of a screen: title line with actions, an optional lead sentence, content. */
export function Page({ title, description, extra, children }: PageProps) {
  return (
    <div className="jd-page">
      <Flex justify="space-between" align="flex-start" gap={16} wrap className="jd-page-head">
        <div>
          <Typography.Title level={3} className="jd-page-title">
            {title}
          </Typography.Title>
          {description ? <Typography.Paragraph type="secondary">{description}</Typography.Paragraph> : null}
        </div>
        {extra ? <Flex gap={8}>{extra}</Flex> : null}
      </Flex>
      {children}
    </div>
  );
}
