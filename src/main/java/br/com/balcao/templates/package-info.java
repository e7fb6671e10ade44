/** Message templates: each number's Meta-approved templates for active messages. */
package br.com.balcao.templates;
