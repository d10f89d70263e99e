/** What the printed card tells its holder and the checkpoint, in both languages; `{date}` is the expiry (CST). */
export const CARD_TEXT = {
  title: { 'zh-CN': '健康码卡片', en: 'Health code card' },
  name: { 'zh-CN': '姓名', en: 'Name' },
  validUntil: { 'zh-CN': '有效期至 {date}', en: 'Valid until {date}' },
  issuer: { 'zh-CN': '签发方 {issuer}', en: 'Issued by {issuer}' },
  instructions: {
    'zh-CN': [
      '在检查点出示本卡，工作人员扫描二维码即可查到您当前的健康码颜色。',
      '本卡不含颜色，也不含个人信息；颜色以扫码时查到的为准。',
      '卡片遗失请立即在小程序中或拨打热线挂失并补办，旧卡随即失效。',
      '每次扫码都会记入您的扫码记录，您和您的代办人可以查看。',
    ],
    en: [
      'Show this card at a checkpoint: staff scan the QR code and see your current health code colour.',
      'The card holds no colour and no personal data; the colour is the one found when it is scanned.',
      'If you lose it, revoke it and print a new one in the mini-program or through the hotline: the old card stops working at once.',
      'Every scan is recorded in your scan history, which you and your carer can see.',
    ],
  },
} as const;
