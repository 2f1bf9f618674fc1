/**
 * Public and personal entry points (公众服务): the officer's home page with the figures of their jurisdiction,
 * and the public pages under {@code /p/**} that need no login (inspection codes, enterprise codes, reports,
 * published plans and penalties, as the modules that own them arrive).
 */
@org.springframework.modulith.ApplicationModule(displayName = "公众服务")
package org.anjian.portal;
