import { describe, expect, it } from 'vitest'
import { checkWebdavAddress } from '../../../../../electron/services/sync/webdavAddress'

// Which WebDAV addresses may become the share: https to anywhere, plain http only to this PC.

describe('the WebDAV address check', () => {
  it.each([
    ['https://nas.example.com/kefu/', 'https://nas.example.com/kefu/'],
    ['https://dav.jianguoyun.com/dav/kefu', 'https://dav.jianguoyun.com/dav/kefu/'],
    ['  https://nas.example.com:5006/dav/  ', 'https://nas.example.com:5006/dav/'],
    ['http://127.0.0.1:8080/share/', 'http://127.0.0.1:8080/share/'],
    ['http://127.4.5.6/share/', 'http://127.4.5.6/share/'],
    ['http://localhost/share/', 'http://localhost/share/'],
    ['http://[::1]:8080/share/', 'http://[::1]:8080/share/']
  ])('takes %s', (raw, url) => {
    expect(checkWebdavAddress(raw)).toEqual({ ok: true, url })
  })

  it.each([
    ['', 'malformed'],
    ['nas/kefu', 'malformed'],
    ['ftp://nas.example.com/kefu/', 'malformed'],
    ['file:///etc/', 'malformed'],
    ['https://nas.example.com/kefu/?x=1', 'malformed'],
    ['https://nas.example.com/ke fu/', 'malformed'],
    ['http://nas.example.com/kefu/', 'insecure'],
    ['http://192.168.1.20/kefu/', 'insecure'],
    ['http://127.0.0.1.evil.example/kefu/', 'insecure'],
    ['http://localhost.evil.example/kefu/', 'insecure'],
    ['http://[::ffff:10.0.0.1]/kefu/', 'insecure'],
    ['https://kefu:secret@nas.example.com/kefu/', 'credentialsInAddress'],
    ['https://kefu@nas.example.com/kefu/', 'credentialsInAddress']
  ])('refuses %s (%s)', (raw, refusal) => {
    expect(checkWebdavAddress(raw)).toEqual({ ok: false, refusal })
  })
})
