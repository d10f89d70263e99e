// Alipay has the same downloadFile and openDocument through Taro.
export { cardDownloader } from './card-download.weapp';
